package it.comune.immigrati.search.internal;

import java.time.Duration;

import javax.sql.DataSource;

import it.comune.immigrati.platform.AciProperties;
import it.comune.immigrati.platform.Poller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** This node's search index, the follower that keeps it equal to the table, and the synonyms. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean
    LanguageAnalysis languageAnalysis() {
        return new LanguageAnalysis();
    }

    @Bean(destroyMethod = "close")
    LuceneIndex luceneIndex(LanguageAnalysis analysis, AciProperties properties) {
        return new LuceneIndex(analysis, properties.dataDir().resolve("search-index"));
    }

    @Bean
    IndexFollower indexFollower(DataSource dataSource, LuceneIndex index) {
        return new IndexFollower(dataSource, index);
    }

    @Bean
    Synonyms synonyms(JdbcClient jdbc, LanguageAnalysis analysis) {
        return new Synonyms(jdbc, analysis);
    }

    /**
     * Each run: the synonym lists if they changed, then the documents that changed. The first run (at
     * start, before the site answers) seeds the starter synonyms and builds the whole index.
     */
    @Bean
    Poller searchIndexFollower(IndexFollower follower, Synonyms synonyms,
            @Value("${aci.search.follow-interval:250ms}") Duration interval) {
        boolean[] seeded = { false };
        return new Poller("Search index follower", interval, () -> {
            if (!seeded[0]) {
                synonyms.seed();
                seeded[0] = true;
            }
            synonyms.reloadIfChanged();
            follower.catchUp();
        });
    }

    @Bean
    LuceneSearch luceneSearch(LuceneIndex index, IndexFollower follower, Poller searchIndexFollower, Synonyms synonyms,
            SearchStore store) {
        return new LuceneSearch(index, follower, searchIndexFollower, synonyms, store);
    }
}
