package org.renkou.access;

import org.renkou.common.AreaScope;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** Who is asking, and the checks every feature makes before it reads or writes personal data. */
@Service
public class AccessService {

    public CurrentUser current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return CurrentUser.SYSTEM;
        }
        if (auth instanceof AnonymousAuthenticationToken || !(auth.getPrincipal() instanceof RenkouPrincipal p)) {
            throw new AccessDeniedException("not signed in");
        }
        UserAccount a = p.account();
        AreaScope scope = a.role().townWide() ? AreaScope.EVERYTHING : AreaScope.of(a.areaCodes());
        return new CurrentUser(a.username(), a.displayName(), a.role(), scope);
    }

    /** Refuses users whose role may not read personal records at all (the district supervisor). */
    public CurrentUser requirePersonReader() {
        CurrentUser user = current();
        if (!user.role().readsPersons()) {
            throw new AccessDeniedException("role " + user.role() + " reads aggregates only");
        }
        return user;
    }

    public CurrentUser requireRegisterWriter() {
        CurrentUser user = current();
        if (!user.role().writesRegister()) {
            throw new AccessDeniedException("role " + user.role() + " may not change the register");
        }
        return user;
    }

    public CurrentUser requireHealthReader() {
        CurrentUser user = current();
        if (!user.role().readsHealth()) {
            throw new AccessDeniedException("role " + user.role() + " may not read health records");
        }
        return user;
    }

    public CurrentUser requireHealthWriter() {
        CurrentUser user = current();
        if (!user.role().writesHealth()) {
            throw new AccessDeniedException("role " + user.role() + " may not record health services");
        }
        return user;
    }

    /** The town office's work (the exchange with other towns): administrators and town officers only. */
    public CurrentUser requireTownOffice() {
        CurrentUser user = current();
        if (user.role() != Role.ADMIN && user.role() != Role.TOWN_OFFICER) {
            throw new AccessDeniedException("town office only");
        }
        return user;
    }

    public CurrentUser requireAdmin() {
        CurrentUser user = current();
        if (user.role() != Role.ADMIN) {
            throw new AccessDeniedException("administrators only");
        }
        return user;
    }
}
