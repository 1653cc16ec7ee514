package org.renkou.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV reader: quoting, line ends, byte-order mark and encodings, also where a cell crosses its buffer. */
class CsvReadingTest {
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

    private List<List<String>> read(String text, String charset) throws Exception {
        Path file = dir.resolve("f.csv");
        Files.write(file, text.getBytes(Charset.forName(charset)));
        List<List<String>> rows = new ArrayList<>();
        Spreadsheets.readCsv(file, (rowNo, cells) -> rows.add(List.of(cells)));
        return rows;
    }
}
