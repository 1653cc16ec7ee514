package org.renkou.linkage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * The toneless pinyin of a name, so homophones (伟/玮, 华/桦) compare equal. pinyin4j reads each character;
 * a surname read otherwise than its everyday reading (曾 zeng, 单 shan, 尉迟 yuchi) comes from the data file
 * {@code linkage/surname-readings.tsv}.
 */
final class Pinyin {
    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();
    /** Longest surname first, so 单于 is taken before 单. */
    private static final Map<String, String> SURNAMES = loadSurnames();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private Pinyin() {
    }

    /** The syllables of an already normalised name, separated by single spaces (letters and digits kept, lower case). */
    static String of(String normalisedName) {
        if (normalisedName == null || normalisedName.isEmpty()) {
            return "";
        }
        List<String> syllables = new ArrayList<>();
        String rest = normalisedName;
        for (Map.Entry<String, String> s : SURNAMES.entrySet()) {
            if (rest.startsWith(s.getKey()) && rest.length() > s.getKey().length()) {
                syllables.add(s.getValue());
                rest = rest.substring(s.getKey().length());
                break;
            }
        }
        StringBuilder latin = new StringBuilder();
        for (char c : rest.toCharArray()) {
            String reading = reading(c);
            if (reading == null) {
                latin.append(Character.toLowerCase(c));
                continue;
            }
            if (!latin.isEmpty()) {
                syllables.add(latin.toString());
                latin.setLength(0);
            }
            syllables.add(reading);
        }
        if (!latin.isEmpty()) {
            syllables.add(latin.toString());
        }
        return String.join(" ", syllables);
    }

    /** The first (most common) reading pinyin4j gives, or null for a character that is not Chinese. */
    private static String reading(char c) {
        String known = READINGS[c];
        if (known == null) {
            known = ask(c);
            READINGS[c] = known;
        }
        return known.isEmpty() ? null : known;
    }

    /** Each character's reading once known ("" for none); a race only asks twice. */
    private static final String[] READINGS = new String[Character.MAX_VALUE + 1];

    private static String ask(char c) {
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            return readings == null || readings.length == 0 ? "" : readings[0];
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> loadSurnames() {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Pinyin.class.getResourceAsStream("/linkage/surname-readings.tsv"), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows.sort(Comparator.comparingInt((String[] r) -> r[0].length()).reversed());
        Map<String, String> surnames = new LinkedHashMap<>();
        rows.forEach(r -> surnames.put(r[0], r[1]));
        return surnames;
    }
}
