package org.renkou.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.renkou.common.FieldProblem;
import org.renkou.common.Messages;
import org.renkou.common.TextLimits;
import org.renkou.common.ValidationException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * The rules every text a request brings must keep, wherever it goes: no control characters, and no longer than
 * {@link TextLimits#DOCUMENT}. Request parameters (query and form fields) are checked before the controller
 * runs, JSON bodies right after they are read; a broken rule is a {@link ValidationException} naming the field,
 * answered as any other. The narrower limit of each field is its service's check ({@link TextLimits}).
 * The node exchange (/exchange/) is left to its own checks: its bodies are signed machine messages.
 */
@ControllerAdvice
class TextInputChecks extends RequestBodyAdviceAdapter implements HandlerInterceptor, WebMvcConfigurer {
    private static final int MAX_DEPTH = 8;
    private final Messages messages;

    TextInputChecks(Messages messages) {
        this.messages = messages;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod) || exchange(request.getRequestURI())) {
            return true;
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
            String field = p.getKey();
            if (field.length() > TextLimits.SHORT_TEXT || TextLimits.hasControlCharacter(field)) {
                problems.add(new FieldProblem("parameter", "invalid", messages.get("problem.unreadable")));
                continue;
            }
            for (String value : p.getValue()) {
                check(field, value, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return true;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        if (exchange(input instanceof org.springframework.http.server.ServletServerHttpRequest r
                ? r.getServletRequest().getRequestURI() : "")) {
            return body;
        }
        List<FieldProblem> problems = new ArrayList<>();
        walk(body, "", "", 0, problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return body;
    }

    private static boolean exchange(String uri) {
        return uri.startsWith("/exchange/");
    }

    /** Every text of a body: record components, list items and map values, each named by its path. */
    private void walk(Object value, String path, String name, int depth, List<FieldProblem> problems) {
        if (value == null || depth > MAX_DEPTH || problems.size() >= 20) {
            return;
        }
        if (value instanceof String s) {
            checkAt(path, name, s, problems);
        } else if (value.getClass().isRecord()) {
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    walk(c.getAccessor().invoke(value), join(path, c.getName()), c.getName(), depth + 1, problems);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", name, depth + 1, problems);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                checkAt(join(path, key), key, key, problems);
                walk(e.getValue(), join(path, key), key, depth + 1, problems);
            }
        }
    }

    private void check(String field, String value, List<FieldProblem> problems) {
        checkAt(field, field, value, problems);
    }

    private void checkAt(String path, String name, String value, List<FieldProblem> problems) {
        if (value.length() > TextLimits.DOCUMENT) {
            problems.add(new FieldProblem(path, "maxLength",
                    messages.get("rule.maxLength", messages.fieldName(name), TextLimits.DOCUMENT)));
        } else if (TextLimits.hasControlCharacter(value)) {
            problems.add(new FieldProblem(path, "controlCharacter",
                    messages.get("rule.controlCharacter", messages.fieldName(name))));
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
