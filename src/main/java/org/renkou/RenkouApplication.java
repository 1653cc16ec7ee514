package org.renkou;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RenkouApplication {
    public static void main(String[] args) {
        SpringApplication.run(RenkouApplication.class, args);
    }
}
