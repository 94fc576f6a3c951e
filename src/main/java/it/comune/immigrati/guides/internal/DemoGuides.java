package it.comune.immigrati.guides.internal;

import it.comune.immigrati.platform.Installation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** With demo data on, the starter guides shipped in {@code content/guides} are published on first start. */
@Component
@Order(30)
class DemoGuides implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoGuides.class);

    private final Installation installation;
    private final JdbcClient jdbc;
    private final GuideImport importer;

    DemoGuides(Installation installation, JdbcClient jdbc, GuideImport importer) {
        this.installation = installation;
        this.jdbc = jdbc;
        this.importer = importer;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!installation.demoData() || jdbc.sql("SELECT EXISTS (SELECT 1 FROM guide)").query(Boolean.class).single()) {
            return;
        }
        GuideImport.Report report = importer.fromClasspath("content/guides", true, "demo");
        log.info("Demo guides: {}", report.describe());
    }
}
