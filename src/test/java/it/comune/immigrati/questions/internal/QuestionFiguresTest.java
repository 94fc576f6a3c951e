package it.comune.immigrati.questions.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import it.comune.immigrati.platform.Figures;
import it.comune.immigrati.platform.Figure;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static it.comune.immigrati.testing.Residents.ask;
import static it.comune.immigrati.testing.Residents.question;
import static org.assertj.core.api.Assertions.assertThat;

/** The desk's figures, as reports will read them through the {@link Figures} plug-in point. */
@AciTest
class QuestionFiguresTest {

    @LocalServerPort
    int port;

    @Autowired
    List<Figures> figures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void questionsReceivedTodayAreCountedByTopicLanguageAndChannelButNotSpam() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Rome"));
        Figures desk = figures.stream().filter(f -> f.section().equals("questions")).findFirst().orElseThrow();
        long before = count(desk.between(today, today.plusDays(1)), "language", "uk");
        String email = "figure" + System.nanoTime() + "@example.org";
        ask(new WebClient(port), question(email, "uk", "Як продовжити дозвіл на проживання? Питання перше."), List.of());
        ask(new WebClient(port), question(email, "uk", "Як записати дитину до школи? Питання друге."), List.of());
        ask(new WebClient(port), question(email, "uk", "Реклама реклама реклама, купуйте зараз."), List.of());
        jdbc.sql("UPDATE question SET spam = true WHERE email = :e AND id = (SELECT max(id) FROM question WHERE email = :e)")
                .param("e", email).update();

        List<Figure> now = desk.between(today, today.plusDays(1));
        assertThat(count(now, "language", "uk") - before).isEqualTo(2);
        assertThat(now).anyMatch(f -> f.key().equals("questions.received") && f.dimension().equals("channel")
                && f.value().equals("WEB") && f.count() >= 2);
        assertThat(desk.between(today.minusDays(10), today.minusDays(9)))
                .noneMatch(f -> f.dimension().equals("language") && f.value().equals("uk") && f.count() > 0);
    }

    private static long count(List<Figure> figures, String dimension, String value) {
        return figures.stream().filter(f -> f.key().equals("questions.received") && f.dimension().equals(dimension)
                && value.equals(f.value())).mapToLong(Figure::count).sum();
    }
}
