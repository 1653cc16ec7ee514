package org.renkou.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How large one row of an import file may be (renkou.import.*), checked while the file is read, before a row
 * is kept: a file over any of them is refused as malformed, with the row number. A person row has 18 columns
 * of short values, so the defaults leave room for any honest file and none for one that would fill the heap.
 */
@ConfigurationProperties("renkou.import")
public record ImportLimits(@DefaultValue("200") int maxCellsPerRow, @DefaultValue("2000") int maxCellChars,
                           @DefaultValue("20000") int maxLineChars) {
}
