package org.renkou.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much a request may carry (renkou.input.*). A request body other than a file upload (JSON, a page's form)
 * over {@code maxBodySize} is refused before it is read; uploads have spring.servlet.multipart.* instead, and
 * the node exchange its own limit.
 */
@ConfigurationProperties("renkou.input")
public record InputLimits(@DefaultValue("1MB") DataSize maxBodySize) {
}
