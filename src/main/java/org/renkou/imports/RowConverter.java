package org.renkou.imports;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.renkou.common.FieldProblem;
import org.renkou.common.IdNumber;
import org.renkou.common.Messages;
import org.renkou.people.CodeTables;
import org.renkou.people.PersonForm;
import org.renkou.people.PersonStatus;

/** Turns the cells of one row into a person form: codes or their names, Chinese status names, two date forms. */
final class RowConverter {
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Map<String, PersonStatus> STATUS_NAMES = Map.of("户籍", PersonStatus.REGISTERED,
            "流出", PersonStatus.OUTFLOW, "流入", PersonStatus.INFLOW, "死亡", PersonStatus.DECEASED,
            "迁出", PersonStatus.MOVED_AWAY);
    private static final Set<String> YES = Set.of("1", "true", "yes", "y", "是", "确认");
    /**
     * Columns kept as typed; every other (ID numbers, codes, dates, phone) is read in NFKC form, so digits and
     * letters typed full-width with a Chinese input method (４３０１…, Ｘ, －) count as the plain ones.
     */
    private static final Set<String> FREE_TEXT = Set.of("name", "address", "moveReason");
    private static final Pattern SCIENTIFIC = Pattern.compile("\\d(\\.\\d+)?[Ee]\\+?\\d+");
    private static final Pattern ROUNDED = Pattern.compile("\\d{13,15}000");

    /** The form, and what could not even be read (a date that is no date, an unknown status). */
    record Converted(PersonForm form, List<FieldProblem> problems, Map<String, String> raw) {
    }

    private final ImportColumns.Header header;
    private final CodeTables codes;
    private final Messages messages;

    RowConverter(ImportColumns.Header header, CodeTables codes, Messages messages) {
        this.header = header;
        this.codes = codes;
        this.messages = messages;
    }

    Converted convert(String[] cells) {
        Map<String, String> v = new HashMap<>();
        for (int i = 0; i < header.keys().size() && i < cells.length; i++) {
            String key = header.keys().get(i);
            if (key != null && cells[i] != null && !cells[i].isBlank()) {
                String cell = FREE_TEXT.contains(key) ? cells[i] : Normalizer.normalize(cells[i], Normalizer.Form.NFKC);
                if (!cell.isBlank()) {
                    v.put(key, unneutralise(cell.trim()));
                }
            }
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (storedAsNumber(v.get("idNumber"))) {
            problems.add(messages.problem("idNumber", "idNumber.numberCell", v.get("idNumber")));
        }
        PersonStatus status = status(v.get("status"), problems);
        LocalDate moved = date("arrivedOn", v.get(ImportColumns.MOVED_ON), problems);
        PersonForm form = new PersonForm(v.get("idNumber"), YES.contains(v.getOrDefault(ImportColumns.CONFIRMED, "").toLowerCase()),
                v.get("name"), code(CodeTables.SEX, v.get("sex")), date("birthDate", v.get("birthDate"), problems),
                code(CodeTables.ETHNICITY, v.get("ethnicity")), code(CodeTables.MARITAL, v.get("maritalStatus")), null,
                v.get("householdNo"), code(CodeTables.RELATION, v.get("relation")), v.get("hukouCode"),
                v.get("villageCode"), v.get("gridCode"), status,
                status == PersonStatus.INFLOW || status == PersonStatus.REGISTERED ? moved : null,
                status == PersonStatus.OUTFLOW || status == PersonStatus.MOVED_AWAY ? moved : null,
                status == PersonStatus.DECEASED ? moved : null, v.get("moveReason"), v.get("otherPlaceCode"),
                v.get("phone"), v.get("address"), null, null);
        return new Converted(form, problems, v);
    }

    /**
     * An ID number that went through a number cell: Excel keeps 15 significant digits, so it shows in scientific
     * notation or, 16 to 18 digits long, ends in zeros that make no valid number.
     */
    private static boolean storedAsNumber(String idNumber) {
        if (idNumber == null) {
            return false;
        }
        return SCIENTIFIC.matcher(idNumber).matches()
                || ROUNDED.matcher(idNumber).matches() && !IdNumber.parse(idNumber).valid();
    }

    /** Undoes what exports do to cells that look like formulas ('=… is read as =…). */
    private static String unneutralise(String s) {
        return s.length() > 1 && s.charAt(0) == '\'' && "=+-@".indexOf(s.charAt(1)) >= 0 ? s.substring(1) : s;
    }

    private String code(String kind, String value) {
        return value == null ? null : codes.resolve(kind, value).orElse(value);
    }

    private PersonStatus status(String value, List<FieldProblem> problems) {
        if (value == null) {
            return null;
        }
        PersonStatus s = STATUS_NAMES.get(value);
        if (s != null) {
            return s;
        }
        try {
            return PersonStatus.valueOf(value.toUpperCase());
        } catch (IllegalArgumentException e) {
            problems.add(messages.problem("status", "status", value));
            return null;
        }
    }

    private LocalDate date(String field, String value, List<FieldProblem> problems) {
        if (value == null) {
            return null;
        }
        try {
            String s = value.length() > 10 ? value.substring(0, 10) : value;
            if (s.length() == 8 && s.chars().allMatch(Character::isDigit)) {
                return LocalDate.parse(s, COMPACT);
            }
            String[] parts = s.split("[-/.]");
            return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (RuntimeException e) {
            problems.add(messages.problem(field, "date", value));
            return null;
        }
    }
}
