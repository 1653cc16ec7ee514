package org.renkou.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator outside demo mode (renkou.admin.*, set from RENKOU_ADMIN_USER and
 * RENKOU_ADMIN_PASSWORD in application.properties): with no password, a random one is printed once.
 */
@ConfigurationProperties("renkou.admin")
record AdministratorSettings(@DefaultValue("admin") String user, @DefaultValue("") String password) {
}
