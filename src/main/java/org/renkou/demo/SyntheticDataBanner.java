package org.renkou.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.renkou.area.AreaService;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.servlet.view.UrlBasedViewResolver;

/**
 * Every page says so when the register holds the synthetic demo town. Added to pages only (a handler that
 * renders a view): API calls, which render none, would otherwise pay for it on every request.
 */
@Configuration(proxyBeanMethods = false)
class SyntheticDataBanner implements WebMvcConfigurer, HandlerInterceptor {
    private final AreaService areas;
    private volatile boolean demoTown;

    SyntheticDataBanner(AreaService areas) {
        this.areas = areas;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView page) {
        if (page != null && page.hasView() && !redirect(page)) {
            page.addObject("syntheticData", demoTown());
        }
    }

    /** A redirect's model becomes its query string: the banner belongs to the page it leads to. */
    private static boolean redirect(ModelAndView page) {
        return page.getViewName() != null ? page.getViewName().startsWith(UrlBasedViewResolver.REDIRECT_URL_PREFIX)
                : page.getView() instanceof RedirectView;
    }

    /** Once the demo town is seen it stays. */
    private boolean demoTown() {
        if (!demoTown) {
            demoTown = areas.find(DemoTown.TOWN_CODE).map(a -> DemoTown.TOWN_NAME.equals(a.name())).orElse(false);
        }
        return demoTown;
    }
}
