package org.renkou.common;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;

/** PostgreSQL COPY from rows built in memory: the bulk path of the demo town, imports and their reports. */
public final class PgCopy {
    private final StringBuilder csv = new StringBuilder();
    private int rows;

    /** Appends one row: values quoted; null stays empty, which COPY reads as SQL null. */
    public PgCopy row(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            Object v = values[i];
            if (v != null) {
                csv.append('"').append(v.toString().replace("\"", "\"\"")).append('"');
            }
        }
        csv.append('\n');
        rows++;
        return this;
    }

    public int rows() {
        return rows;
    }

    /** Runs {@code copy TABLE (COLUMNS) from stdin} on the current transaction's connection. */
    public void into(DataSource dataSource, String tableAndColumns) {
        if (rows == 0) {
            return;
        }
        Connection con = DataSourceUtils.getConnection(dataSource);
        try {
            con.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + tableAndColumns + " from stdin (format csv)", new StringReader(csv.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY into " + tableAndColumns + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(con, dataSource);
        }
    }
}
