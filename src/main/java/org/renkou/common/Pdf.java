package org.renkou.common;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * PDF output (OpenPDF) with a Chinese font: the first of these installed system fonts, or the one named by
 * {@code RENKOU_PDF_FONT}. Debian's {@code fonts-wqy-zenhei} is the one README and CI install.
 */
public final class Pdf {
    private static final List<String> FONTS = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0",
            "/usr/share/fonts/truetype/arphic/uming.ttc,0",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");
    private static volatile BaseFont font;

    private final Document document;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Pdf(boolean landscape) {
        document = new Document(landscape ? PageSize.A4.rotate() : PageSize.A4, 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.open();
    }

    /** Writes a document and answers its bytes. */
    public static byte[] write(boolean landscape, Consumer<Pdf> content) {
        Pdf pdf = new Pdf(landscape);
        content.accept(pdf);
        pdf.document.close();
        return pdf.out.toByteArray();
    }

    public Pdf title(String text) {
        Paragraph p = new Paragraph(text, new Font(baseFont(), 16, Font.BOLD));
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingAfter(8);
        document.add(p);
        return this;
    }

    public Pdf heading(String text) {
        Paragraph p = new Paragraph(text, new Font(baseFont(), 13, Font.BOLD));
        p.setSpacingBefore(8);
        p.setSpacingAfter(6);
        document.add(p);
        return this;
    }

    public Pdf paragraph(String text) {
        Paragraph p = new Paragraph(text, new Font(baseFont(), 10.5f));
        p.setSpacingAfter(6);
        document.add(p);
        return this;
    }

    /** A table with a header row repeated on every page. */
    public Pdf table(List<String> header, List<List<String>> rows, float[] widths) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        Font bold = new Font(baseFont(), 9, Font.BOLD);
        Font plain = new Font(baseFont(), 9);
        header.forEach(h -> t.addCell(cell(h, bold)));
        rows.forEach(r -> r.forEach(v -> t.addCell(cell(v, plain))));
        document.add(t);
        return this;
    }

    public Pdf newPage() {
        document.newPage();
        return this;
    }

    public Pdf image(byte[] png, float width) {
        try {
            com.lowagie.text.Image img = com.lowagie.text.Image.getInstance(png);
            img.scaleToFit(width, width);
            document.add(img);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private static PdfPCell cell(String text, Font f) {
        PdfPCell c = new PdfPCell(new Phrase(text == null ? "" : text, f));
        c.setPadding(3);
        return c;
    }

    static BaseFont baseFont() {
        if (font == null) {
            font = load();
        }
        return font;
    }

    private static BaseFont load() {
        String configured = System.getenv("RENKOU_PDF_FONT");
        for (String f : configured != null ? List.of(configured) : FONTS) {
            if (Files.isReadable(Path.of(f.replaceAll(",\\d+$", "")))) {
                try {
                    return BaseFont.createFont(f, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                } catch (IOException | RuntimeException e) {
                    // try the next font
                }
            }
        }
        throw new IllegalStateException("no Chinese font for PDF output: install fonts-wqy-zenhei or set RENKOU_PDF_FONT");
    }
}
