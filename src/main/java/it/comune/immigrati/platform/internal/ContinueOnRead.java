package it.comune.immigrati.platform.internal;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * A client that sends {@code Expect: 100-continue} (curl does for bodies over 1 MB, so do scripts of the
 * associations that upload) waits for our go-ahead before sending the body. Tomcat gives it at once by
 * default, before the application has looked at the request, so a 45 MB upload is sent in full only to be
 * refused. Here the go-ahead comes only when the application starts reading the body: a request whose
 * declared length is over the limit gets its 413 page without a byte of the body crossing the network, and
 * the connection closes cleanly instead of being reset with the page half delivered.
 */
final class ContinueOnRead implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setProperty("continueResponseTiming", "onRead"));
    }
}
