package org.renkou.access;

import java.security.SecureRandom;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside demo mode there is no default password. With no account yet, the first administrator is created
 * with the password in RENKOU_ADMIN_PASSWORD, or with a random one printed once on the console.
 */
@Component
@Order(100)
@EnableConfigurationProperties(AdministratorSettings.class)
class FirstAdministrator implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final UserService users;
    private final AccessService access;
    private final String username;
    private final String password;

    FirstAdministrator(UserService users, AccessService access, AdministratorSettings settings) {
        this.users = users;
        this.access = access;
        this.username = settings.user();
        this.password = settings.password();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        String pw = password.isBlank() ? randomPassword() : password;
        access.runAs(SystemPrincipal.FIRST_ADMINISTRATOR, () -> users.create(username, "管理员", Role.ADMIN, List.of(), pw));
        if (password.isBlank()) {
            log.warn("First administrator created: user '{}' password '{}' (shown once: change it now)", username, pw);
        } else {
            log.info("First administrator '{}' created from RENKOU_ADMIN_PASSWORD", username);
        }
    }

    private static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
