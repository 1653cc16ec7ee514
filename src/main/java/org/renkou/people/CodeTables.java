package org.renkou.people;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/** The national code tables, loaded by migration; codes are stored, names are shown. */
@NamedInterface("register")
@Service
public class CodeTables {
    public static final String SEX = "SEX";
    public static final String MARITAL = "MARITAL";
    public static final String ETHNICITY = "ETHNICITY";
    public static final String RELATION = "RELATION";
    public static final String EDUCATION = "EDUCATION";

    /** One code with its names. */
    public record Code(String code, String nameZh, String nameEn) {
        public String name() {
            return LocaleContextHolder.getLocale().getLanguage().equals(Locale.ENGLISH.getLanguage()) ? nameEn : nameZh;
        }
    }

    private final JdbcClient jdbc;
    private final Map<String, Map<String, Code>> cache = new ConcurrentHashMap<>();

    CodeTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Code> all(String kind) {
        return List.copyOf(table(kind).values());
    }

    public boolean exists(String kind, String code) {
        return code != null && table(kind).containsKey(code);
    }

    /** The name in the user's language, or the code itself when unknown. */
    public String name(String kind, String code) {
        if (code == null) {
            return "";
        }
        Code c = table(kind).get(code);
        return c == null ? code : c.name();
    }

    /** Finds a code by its code or by its Chinese or English name (for imports and forgiving input). */
    public Optional<String> resolve(String kind, String codeOrName) {
        if (codeOrName == null || codeOrName.isBlank()) {
            return Optional.empty();
        }
        String v = codeOrName.trim();
        if (table(kind).containsKey(v)) {
            return Optional.of(v); // the usual case, and once per cell of an import: no search through the names
        }
        return table(kind).values().stream()
                .filter(c -> c.code().equals(v) || c.nameZh().equals(v) || c.nameEn().equalsIgnoreCase(v))
                .map(Code::code).findFirst();
    }

    private Map<String, Code> table(String kind) {
        return cache.computeIfAbsent(kind, k -> {
            Map<String, Code> m = new LinkedHashMap<>();
            jdbc.sql("select code, name_zh, name_en from code_value where kind = ? order by code").param(k)
                    .query((rs, i) -> new Code(rs.getString(1), rs.getString(2), rs.getString(3)))
                    .list().forEach(c -> m.put(c.code(), c));
            return m;
        });
    }
}
