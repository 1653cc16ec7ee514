package org.renkou.common;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code page} counts from 0. */
public record PageResult<T>(List<T> items, long total, int page, int size) {
    public int pages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    /** One page of a list already in memory (a screen's list of a few hundred rows), with its true total. */
    public static <T> PageResult<T> of(List<T> all, int page, int size) {
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int p = Math.max(0, Math.min(page, pages - 1));
        return new PageResult<>(all.subList(Math.min(all.size(), p * size), Math.min(all.size(), (p + 1) * size)),
                all.size(), p, size);
    }

    public <R> PageResult<R> map(Function<T, R> f) {
        return new PageResult<>(items.stream().map(f).toList(), total, page, size);
    }
}
