package org.renkou.system;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * Links of a paged, sortable list that keep the current request's filters: the next page, or the list sorted by
 * a column (a second click reverses the order). For the shared pager fragment and sortable column heads
 * ({@code @pageLinks} in templates).
 */
@Component("pageLinks")
public class PageLinks {

    /** The current list at another page; {@code param} is the page parameter ("page" unless a screen has two lists). */
    public String page(String param, int page) {
        return relative(ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam(param, page).build());
    }

    /** The current list sorted by {@code column}: ascending, or descending when it is already sorted so. */
    public String sort(String column) {
        var request = ServletUriComponentsBuilder.fromCurrentRequest().build().getQueryParams();
        boolean ascendingNow = column.equals(request.getFirst("sort")) && !"desc".equals(request.getFirst("dir"));
        return relative(ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("sort", column)
                .replaceQueryParam("dir", ascendingNow ? "desc" : "asc").replaceQueryParam("page").build());
    }

    /** The arrow beside a sorted column head. */
    public String arrow(String column) {
        var request = ServletUriComponentsBuilder.fromCurrentRequest().build().getQueryParams();
        if (!column.equals(request.getFirst("sort"))) {
            return "";
        }
        return "desc".equals(request.getFirst("dir")) ? " ↓" : " ↑";
    }

    private static String relative(UriComponents uri) {
        return uri.getPath() + (uri.getQuery() == null ? "" : "?" + uri.getQuery());
    }
}
