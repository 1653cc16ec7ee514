package org.renkou.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSV reader: quoting, line ends, byte-order mark and encodings, also where a cell crosses its buffer; and
 * the row limits of both readers, which refuse a file naming the row.
 */
class CsvReadingTest {
    private static final ImportLimits ROOMY = new ImportLimits(1000, 1 << 20, 1 << 21);

    @TempDir
    Path dir;

    @Test
    void readsQuotedCellsAndAnyLineEnd() throws Exception {
        List<List<String>> rows = read("\uFEFFa,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r1,,3\n4,5,6", "UTF-8");
        assertThat(rows).containsExactly(List.of("a", "b", "c"), List.of("x, y", "say \"hi\"", "two\nlines"),
                List.of("1", "", "3"), List.of("4", "5", "6"));
    }

    @Test
    void readsGbk() throws Exception {
        assertThat(read("姓名,性别\n张三,男\n", "GBK")).containsExactly(List.of("姓名", "性别"), List.of("张三", "男"));
    }

    @Test
    void aDoubledQuoteOrLineEndAcrossTheBufferIsOneCharacter() throws Exception {
        for (int shift = 0; shift < 4; shift++) {
            String pad = "p".repeat((1 << 16) - 4 + shift);
            List<List<String>> rows = read("\"" + pad + "\"\"q\",z\r\nnext,row\r\n", "UTF-8");
            assertThat(rows).as("shift %d", shift)
                    .containsExactly(List.of(pad + "\"q", "z"), List.of("next", "row"));
        }
    }

    @Test
    void aRowAtTheLimitsIsRead() throws Exception {
        ImportLimits limits = new ImportLimits(3, 4, 20);
        assertThat(read("a,b,c\nabcd,\"ef\"\"g\",h\n", "UTF-8", limits))
                .containsExactly(List.of("a", "b", "c"), List.of("abcd", "ef\"g", "h"));
    }

    @Test
    void aRowOverALimitRefusesTheFileNamingTheRow() {
        ImportLimits limits = new ImportLimits(3, 4, 20);
        assertMalformed("a,b,c\n1,2,3\n1,2,3,4\n", limits, "import.error.tooManyCells", 3, 3);
        assertMalformed("a,b,c\nabcde,2,3\n", limits, "import.error.cellTooLong", 2, 4);
        assertMalformed("a,b,c\n\"ab\ncde\",2\n", limits, "import.error.cellTooLong", 2, 4);
        assertMalformed("a,b\n1,2\n3,4\n" + "x".repeat(21), new ImportLimits(3, 100, 20),
                "import.error.lineTooLong", 4, 20);
    }

    @Test
    void aSpreadsheetRowOverALimitRefusesTheFileNamingTheRow() throws Exception {
        Path file = dir.resolve("f.xlsx");
        String[] wide = new String[5];
        java.util.Arrays.fill(wide, "x");
        try (var out = Files.newOutputStream(file)) {
            Spreadsheets.writeXlsx(out, "s", new String[]{"a", "b"}, List.of(new String[]{"1", "2"}, wide));
        }
        assertThatThrownBy(() -> Spreadsheets.readXlsx(file, new ImportLimits(4, 100, 100), (rowNo, cells) -> true))
                .isInstanceOfSatisfying(Spreadsheets.MalformedException.class, e -> {
                    assertThat(e.key).isEqualTo("import.error.tooManyCells");
                    assertThat(e.rowNo).isEqualTo(3);
                });
        assertThatThrownBy(() -> Spreadsheets.readXlsx(file, new ImportLimits(10, 100, 3), (rowNo, cells) -> true))
                .isInstanceOfSatisfying(Spreadsheets.MalformedException.class, e -> assertThat(e.rowNo).isEqualTo(3));
    }

    private void assertMalformed(String text, ImportLimits limits, String key, int rowNo, int limit) {
        assertThatThrownBy(() -> read(text, "UTF-8", limits)).as(text)
                .isInstanceOfSatisfying(Spreadsheets.MalformedException.class, e -> {
                    assertThat(e.key).isEqualTo(key);
                    assertThat(e.rowNo).isEqualTo(rowNo);
                    assertThat(e.limit).isEqualTo(limit);
                });
    }

    private List<List<String>> read(String text, String charset) throws Exception {
        return read(text, charset, ROOMY);
    }

    private List<List<String>> read(String text, String charset, ImportLimits limits) throws Exception {
        Path file = dir.resolve("f.csv");
        Files.write(file, text.getBytes(Charset.forName(charset)));
        List<List<String>> rows = new ArrayList<>();
        Spreadsheets.readCsv(file, limits, (rowNo, cells) -> rows.add(List.of(cells)));
        return rows;
    }
}
