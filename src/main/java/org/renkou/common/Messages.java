package org.renkou.common;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Messages in the current user's language (zh-CN unless they chose English). */
@Component
public class Messages {
    private final MessageSource source;

    public Messages(MessageSource source) {
        this.source = source;
    }

    public String get(String key, Object... args) {
        return source.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** A message in English whatever the user's language, or null where there is none (for texts sent in both). */
    public String english(String key) {
        return source.getMessage(key, null, null, java.util.Locale.ENGLISH);
    }

    /** A field's name for people ({@code field.<name>}); a field without a name there is shown as it is called. */
    public String fieldName(String field) {
        return source.getMessage("field." + field, null, field, LocaleContextHolder.getLocale());
    }

    /** A refused field: the message names the field ({@code field.<name>}) and the rule ({@code rule.<rule>}). */
    public FieldProblem problem(String field, String rule, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = fieldName(field);
        System.arraycopy(args, 0, all, 1, args.length);
        return new FieldProblem(field, rule, get("rule." + rule, all));
    }
}
