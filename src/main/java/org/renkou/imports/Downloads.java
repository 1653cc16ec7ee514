package org.renkou.imports;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** Headers of a file download (CSV or XLSX). */
final class Downloads {
    private Downloads() {
    }

    static void prepare(HttpServletResponse response, String baseName, String format) {
        boolean xlsx = "xlsx".equalsIgnoreCase(format);
        response.setContentType(xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                : "text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(baseName + (xlsx ? ".xlsx" : ".csv")).build().toString());
    }
}
