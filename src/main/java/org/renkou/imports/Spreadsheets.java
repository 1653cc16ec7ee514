package org.renkou.imports;

import org.renkou.common.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reading and writing the files users exchange: CSV (UTF-8 with or without BOM, or GBK/GB18030, detected)
 * and XLSX, both streamed row by row so that a large file never sits in memory whole.
 */
final class Spreadsheets {
    /** Receives rows one at a time (row 1 is the header); answers false to stop reading. */
    interface RowHandler {
        boolean row(int rowNo, String[] cells);
    }

    /** The file is not a readable CSV or XLSX. */
    static class UnreadableException extends RuntimeException {
        UnreadableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A row over one of the {@link ImportLimits}: the file is refused, naming the row (message key and args). */
    static final class MalformedException extends UnreadableException {
        final String key;
        final int rowNo;
        final int limit;

        MalformedException(String key, int rowNo, int limit) {
            super(key + " at row " + rowNo, null);
            this.key = key;
            this.rowNo = rowNo;
            this.limit = limit;
        }
    }

    private Spreadsheets() {
    }

    static boolean isXlsx(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        }
    }

    static void read(Path file, ImportLimits limits, RowHandler handler) throws IOException {
        if (isXlsx(file)) {
            readXlsx(file, limits, handler);
        } else {
            readCsv(file, limits, handler);
        }
    }

    /** Data rows of a CSV (lines after the header), counted cheaply for the progress bar. */
    static int countCsvRows(Path file) throws IOException {
        int lines = 0;
        byte[] buf = new byte[1 << 16];
        boolean any = false;
        byte last = '\n';
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                any = true;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
                last = buf[n - 1];
            }
        }
        if (any && last != '\n') {
            lines++;
        }
        return Math.max(0, lines - 1);
    }

    // --- CSV ---------------------------------------------------------------------------------------------

    static Charset detectCharset(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8192);
            for (byte b : head) {
                if (b == 0) {
                    throw new UnreadableException("binary file", null);
                }
            }
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(file)) {
            ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
            CharBuffer chars = CharBuffer.allocate(1 << 16);
            byte[] buf = new byte[1 << 15];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                bytes.put(buf, 0, n).flip();
                if (utf8.decode(bytes, chars, false).isError()) {
                    return Charset.forName("GB18030");
                }
                bytes.compact();
                chars.clear();
            }
            bytes.flip();
            if (utf8.decode(bytes, chars, true).isError()) {
                return Charset.forName("GB18030");
            }
        } catch (CharacterCodingException e) {
            return Charset.forName("GB18030");
        }
        return StandardCharsets.UTF_8;
    }

    static void readCsv(Path file, ImportLimits limits, RowHandler handler) throws IOException {
        Charset charset = detectCharset(file);
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), charset)) {
            Chars in = new Chars(reader);
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            int rowNo = 1;
            int lineChars = 0;
            int c = in.next();
            if (c == '\uFEFF') {
                c = in.next();
            }
            for (; c != -1; c = in.next()) {
                any = true;
                // the limits are checked as the row grows, so that no row larger than them is ever held
                if (++lineChars > limits.maxLineChars()) {
                    throw new MalformedException("import.error.lineTooLong", rowNo, limits.maxLineChars());
                }
                if (quoted) {
                    if (c != '"') {
                        cell.append((char) c);
                    } else if (in.peek() == '"') {
                        cell.append((char) in.next());
                    } else {
                        quoted = false;
                    }
                } else if (c == '"' && cell.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    if (cells.size() + 1 >= limits.maxCellsPerRow()) {
                        throw new MalformedException("import.error.tooManyCells", rowNo, limits.maxCellsPerRow());
                    }
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && in.peek() == '\n') {
                        in.next();
                    }
                    cells.add(cell.toString());
                    cell.setLength(0);
                    if (!handler.row(rowNo++, cells.toArray(String[]::new))) {
                        return;
                    }
                    cells.clear();
                    any = false;
                    lineChars = 0;
                } else {
                    cell.append((char) c);
                }
                if (cell.length() > limits.maxCellChars()) {
                    throw new MalformedException("import.error.cellTooLong", rowNo, limits.maxCellChars());
                }
            }
            if (any) {
                cells.add(cell.toString());
                handler.row(rowNo, cells.toArray(String[]::new));
            }
        }
    }

    /**
     * The characters of a reader through a buffer of its own, with one character of look-ahead: a
     * {@code BufferedReader} takes its lock on every call, and that topped the profile of a large import.
     */
    private static final class Chars {
        private final Reader reader;
        private final char[] buffer = new char[1 << 16];
        private int pos;
        private int len;

        Chars(Reader reader) {
            this.reader = reader;
        }

        int next() throws IOException {
            return pos < len || fill() ? buffer[pos++] : -1;
        }

        int peek() throws IOException {
            return pos < len || fill() ? buffer[pos] : -1;
        }

        private boolean fill() throws IOException {
            len = reader.read(buffer);
            pos = 0;
            return len > 0;
        }
    }

    // --- XLSX --------------------------------------------------------------------------------------------

    /** Dates as yyyy-MM-dd whatever the cell's display format; other numbers as Excel shows them. */
    private static final class IsoDates extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).toLocalDate().toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString);
        }
    }

    static void readXlsx(Path file, ImportLimits limits, RowHandler handler) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                RowCollector collector = new RowCollector(handler, limits);
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, collector,
                        new IsoDates(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (StopReading stop) {
            // the handler asked to stop
        } catch (MalformedException e) {
            throw e;
        } catch (IOException e) {
            throw new UnreadableException(e.getMessage(), e);
        } catch (Exception e) {
            throw new UnreadableException(e.getMessage(), e);
        }
    }

    private static final class StopReading extends RuntimeException {
        StopReading() {
            super(null, null, false, false);
        }
    }

    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowHandler handler;
        private final ImportLimits limits;
        private final List<String> cells = new ArrayList<>();
        private int rowNo;
        private int rowChars;

        RowCollector(RowHandler handler, ImportLimits limits) {
            this.handler = handler;
            this.limits = limits;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            rowNo = rowNum + 1;
            rowChars = 0;
        }

        @Override
        public void endRow(int rowNum) {
            if (!handler.row(rowNum + 1, cells.toArray(String[]::new))) {
                throw new StopReading();
            }
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = new CellReference(ref).getCol();
            checkLimits(col, value);
            while (cells.size() < col) {
                cells.add("");
            }
            cells.add(value);
        }

        /** The row's cells, each cell's and all its characters, checked before the cell is kept. */
        private void checkLimits(int col, String value) {
            if (col >= limits.maxCellsPerRow()) {
                throw new MalformedException("import.error.tooManyCells", rowNo, limits.maxCellsPerRow());
            }
            int chars = value == null ? 0 : value.length();
            if (chars > limits.maxCellChars()) {
                throw new MalformedException("import.error.cellTooLong", rowNo, limits.maxCellChars());
            }
            rowChars += chars;
            if (rowChars > limits.maxLineChars()) {
                throw new MalformedException("import.error.lineTooLong", rowNo, limits.maxLineChars());
            }
        }
    }

    // --- writing -----------------------------------------------------------------------------------------

    static String neutralise(String value) {
        return Csv.neutralise(value);
    }

    /** Writes rows as an XLSX sheet, every cell as text (ID numbers keep all 18 characters). */
    static void writeXlsx(OutputStream out, String sheetName, String[] header, Iterable<String[]> rows)
            throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet(sheetName);
            var text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            int r = 0;
            writeRow(sheet.createRow(r++), header, text);
            for (String[] row : rows) {
                writeRow(sheet.createRow(r++), row, text);
            }
            for (int c = 0; c < header.length; c++) {
                sheet.setDefaultColumnStyle(c, text);
            }
            wb.write(out);
            wb.dispose();
        }
    }

    private static void writeRow(Row row, String[] cells, org.apache.poi.ss.usermodel.CellStyle style) {
        for (int i = 0; i < cells.length; i++) {
            var cell = row.createCell(i);
            cell.setCellStyle(style);
            cell.setCellValue(neutralise(cells[i]));
        }
    }
}
