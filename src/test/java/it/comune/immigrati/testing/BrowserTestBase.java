package it.comune.immigrati.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What a browser test of the running application needs: its port, the database to set up staff and
 * records, and one headless Chromium for the whole class. Subclasses are annotated {@code @AciTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTestBase {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected PasswordEncoder passwords;

    protected WebDriver browser;

    @BeforeAll
    void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    void stopBrowser() {
        browser.quit();
    }

    /** The application's address for {@code path}. */
    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
