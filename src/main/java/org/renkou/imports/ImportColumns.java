package org.renkou.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.renkou.people.PersonImport;

/**
 * The columns of a person file (API.md): English or Chinese header names, any order. {@code movedOn},
 * {@code reason}, {@code otherPlaceCode} describe a move; {@code confirmed} accepts an ID number as printed.
 */
final class ImportColumns {
    /** Column key → {English name, Chinese name}, in the order of the template. */
    static final Map<String, String[]> NAMES = names();
    static final String MOVED_ON = "movedOn";
    static final String CONFIRMED = "confirmed";

    /** What the header row says: the column key of each position and the header text of each key. */
    record Header(List<String> keys, Map<String, String> textOf) {
        /** The register fields the file carries (a move date stands for the status date fields). */
        Set<String> fields() {
            Set<String> fields = new java.util.LinkedHashSet<>();
            for (String k : keys) {
                if (k == null) {
                    continue; // a column without a header is not read
                }
                if (k.equals(MOVED_ON)) {
                    fields.addAll(List.of("arrivedOn", "leftOn", "diedOn"));
                } else if (!k.equals(CONFIRMED)) {
                    fields.add(k);
                }
            }
            return fields;
        }

        /** The header text naming a field in the file, for error reports. */
        String column(String field) {
            return textOf.getOrDefault(keyOf(field), field);
        }

        /** The column key that carries a register field. */
        static String keyOf(String field) {
            return switch (field) {
                case "arrivedOn", "leftOn", "diedOn" -> MOVED_ON;
                case "confirmIdNumber" -> CONFIRMED;
                default -> field;
            };
        }
    }

    /** A header that cannot be used; the message key says why. */
    static final class HeaderException extends RuntimeException {
        final String key;
        final Object[] args;

        HeaderException(String key, Object... args) {
            super(key);
            this.key = key;
            this.args = args;
        }
    }

    private ImportColumns() {
    }

    static Header parse(String[] cells) {
        List<String> keys = new ArrayList<>();
        Map<String, String> textOf = new LinkedHashMap<>();
        int width = cells.length;
        while (width > 0 && headerText(cells[width - 1]).isEmpty()) {
            width--; // Excel writes empty cells after the last column: they are no columns
        }
        for (int i = 0; i < width; i++) {
            String cell = cells[i];
            String text = headerText(cell);
            if (text.isEmpty()) {
                keys.add(null);
                continue;
            }
            String key = keyOfHeader(text);
            if (key == null) {
                throw new HeaderException("import.error.header", text);
            }
            if (textOf.containsKey(key)) {
                throw new HeaderException("import.error.duplicateColumn", text);
            }
            keys.add(key);
            textOf.put(key, text);
        }
        List<String> missing = PersonImport.REQUIRED.stream().filter(r -> !textOf.containsKey(r))
                .map(r -> NAMES.get(r)[1] + " (" + NAMES.get(r)[0] + ")").sorted().toList();
        if (!missing.isEmpty()) {
            throw new HeaderException("import.error.missing", String.join("、", missing));
        }
        return new Header(keys, textOf);
    }

    private static String headerText(String cell) {
        return cell == null ? "" : cell.trim().replace("\uFEFF", "");
    }

    static String[] header(boolean chinese) {
        return NAMES.values().stream().map(n -> chinese ? n[1] : n[0]).toArray(String[]::new);
    }

    private static String keyOfHeader(String text) {
        for (Map.Entry<String, String[]> e : NAMES.entrySet()) {
            if (e.getValue()[0].equalsIgnoreCase(text) || e.getValue()[1].equals(text)) {
                return e.getKey();
            }
        }
        return null;
    }

    private static Map<String, String[]> names() {
        Map<String, String[]> m = new LinkedHashMap<>();
        m.put("idNumber", new String[]{"id_number", "身份证号"});
        m.put("name", new String[]{"name", "姓名"});
        m.put("sex", new String[]{"sex", "性别"});
        m.put("birthDate", new String[]{"birth_date", "出生日期"});
        m.put("ethnicity", new String[]{"ethnicity", "民族"});
        m.put("maritalStatus", new String[]{"marital_status", "婚姻状况"});
        m.put("householdNo", new String[]{"household_no", "户号"});
        m.put("relation", new String[]{"relation", "与户主关系"});
        m.put("hukouCode", new String[]{"hukou_code", "户籍地代码"});
        m.put("villageCode", new String[]{"village_code", "村居代码"});
        m.put("gridCode", new String[]{"grid_code", "网格代码"});
        m.put("status", new String[]{"status", "人口类别"});
        m.put("phone", new String[]{"phone", "联系电话"});
        m.put("address", new String[]{"address", "现住址"});
        m.put(MOVED_ON, new String[]{"moved_on", "流动日期"});
        m.put("moveReason", new String[]{"reason", "流动原因"});
        m.put("otherPlaceCode", new String[]{"other_place_code", "流入前/流出后所在地代码"});
        m.put(CONFIRMED, new String[]{"confirmed", "确认"});
        return m;
    }
}
