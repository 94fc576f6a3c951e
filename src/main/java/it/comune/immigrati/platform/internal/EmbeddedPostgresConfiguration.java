package it.comune.immigrati.platform.internal;

import java.io.IOException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import it.comune.immigrati.platform.AciProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url}, the application brings its own PostgreSQL; with one, Boot's
 * ordinary data source is used and nothing here is created.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(AciProperties properties) throws IOException {
        return new EmbeddedPostgresServer(properties.dataDir().resolve("postgres"));
    }

    /** Closed before the server above, since it depends on it: the pool drains, then PostgreSQL stops. */
    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgresServer server,
            @Value("${spring.datasource.hikari.connection-timeout:5000}") long connectionTimeoutMillis,
            @Value("${spring.datasource.hikari.maximum-pool-size:20}") int maximumPoolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername("postgres");
        config.setPoolName("aci-embedded");
        config.setMaximumPoolSize(maximumPoolSize);
        config.setConnectionTimeout(connectionTimeoutMillis);
        return new HikariDataSource(config);
    }
}
