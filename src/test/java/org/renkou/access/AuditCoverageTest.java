package org.renkou.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.renkou.RenkouTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every handler of the application has decided about audit: it is {@link Audited} (its requests leave an entry)
 * or {@link NotAudited} with the reason it returns no personal data. A new endpoint without either fails here.
 */
@RenkouTest
class AuditCoverageTest {
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyHandlerIsAuditedOrSaysWhyNot() {
        Map<RequestMappingInfo, HandlerMethod> handlers = mapping.getHandlerMethods();
        List<HandlerMethod> ours = handlers.values().stream()
                .filter(h -> h.getBeanType().getPackageName().startsWith("org.renkou")).toList();
        assertThat(ours).hasSizeGreaterThan(150);
        List<String> undecided = ours.stream()
                .filter(h -> AuditRecorder.audited(h).isEmpty() && reason(h) == null)
                .map(h -> h.getBeanType().getSimpleName() + "#" + h.getMethod().getName()).toList();
        assertThat(undecided).as("handlers neither @Audited nor @NotAudited").isEmpty();
        List<String> noReason = ours.stream().filter(h -> reason(h) != null && reason(h).isBlank())
                .map(h -> h.getBeanType().getSimpleName() + "#" + h.getMethod().getName()).toList();
        assertThat(noReason).as("@NotAudited without a reason").isEmpty();
    }

    /** The features whose pages read persons: their person-reading handlers are audited, not opted out. */
    @Test
    void thePersonalRecordHandlersAreAudited() {
        Map<String, HandlerMethod> byName = new java.util.HashMap<>();
        mapping.getHandlerMethods().values().forEach(h ->
                byName.put(h.getBeanType().getSimpleName() + "#" + h.getMethod().getName(), h));
        for (String name : List.of("PersonApiController#search", "PersonApiController#get", "PersonApiController#history",
                "PersonWebController#list", "PersonWebController#show", "PersonWebController#household",
                "ImportApiController#export", "ImportApiController#households", "HealthApiController#register",
                "IndicatorApiController#persons", "StatsWebController#persons", "SupportApiController#eligible")) {
            assertThat(byName).as(name).containsKey(name);
            assertThat(AuditRecorder.audited(byName.get(name))).as(name).isPresent();
        }
    }

    private static String reason(HandlerMethod h) {
        NotAudited onMethod = h.getMethodAnnotation(NotAudited.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        NotAudited onClass = AnnotatedElementUtils.findMergedAnnotation(h.getBeanType(), NotAudited.class);
        return onClass == null ? null : onClass.value();
    }
}
