package org.renkou.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** renkou.demo: "auto" loads the demo town into an empty embedded database only; "true" or "false" decide outright. */
@ConfigurationProperties("renkou")
record DemoSettings(@DefaultValue("auto") String demo) {
}
