package org.renkou.linkage;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(LinkageSettings.class)
class LinkageConfiguration {
    @Bean
    Scorer linkageScorer(LinkageSettings settings) {
        return new Scorer(Weights.standard(), settings);
    }
}
