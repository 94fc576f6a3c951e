package it.comune.immigrati.site.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteView;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

/**
 * Pages are rendered whole before the first byte is sent. jte's own view writes as it renders, so on a
 * long page (a private page with a dozen messages) the response was committed before the reply form
 * asked for its CSRF token; the session that holds the token could no longer be created, and the
 * resident's message was refused with a 403. Rendering to memory first also means a template that fails
 * halfway gives a clean error page, not half a page.
 */
@Configuration(proxyBeanMethods = false)
class WholePageViews {

    @Bean
    JteViewResolver jteViewResolver(TemplateEngine engine, JteProperties properties) {
        return new JteViewResolver(engine, properties) {
            @Override
            protected AbstractUrlBasedView instantiateView() {
                return new WholePageView(engine);
            }
        };
    }

    static final class WholePageView extends JteView {

        private final TemplateEngine engine;

        WholePageView(TemplateEngine engine) {
            super(engine);
            this.engine = engine;
        }

        @Override
        protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request,
                HttpServletResponse response) throws Exception {
            StringOutput page = new StringOutput(16 * 1024);
            engine.render(getUrl(), model, page);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(page.toString());
        }
    }
}
