package it.comune.immigrati.practices.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import it.comune.immigrati.platform.Audited;
import it.comune.immigrati.practices.internal.PracticeRecords.RuleFigure;
import it.comune.immigrati.platform.PublicContent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures the rules use, each valid for a period and with its source: the yearly assegno sociale
 * and the Comune's housing thresholds. Of the figures of one name whose period holds a day, the one that
 * starts last is in force.
 */
@Repository
class RuleFigures {

    static final String SOCIAL_ALLOWANCE = "social-allowance";
    /** The housing thresholds, in the order of {@link HousingSuitability.Rules}. */
    static final List<String> HOUSING = List.of("housing.per-person", "housing.per-further-person", "housing.single-bedroom",
            "housing.double-bedroom", "housing.living-room", "housing.studio-one", "housing.studio-two", "housing.height");
    static final List<String> NAMES = java.util.stream.Stream.concat(java.util.stream.Stream.of(SOCIAL_ALLOWANCE), HOUSING.stream()).toList();

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final PublicContent publicContent;

    RuleFigures(JdbcClient jdbc, ApplicationEventPublisher events, PublicContent publicContent) {
        this.jdbc = jdbc;
        this.events = events;
        this.publicContent = publicContent;
    }

    List<RuleFigure> all() {
        return jdbc.sql("SELECT * FROM practices_rule_figure ORDER BY name, valid_from DESC")
                .query((rs, n) -> new RuleFigure(rs.getString("name"), rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class), rs.getBigDecimal("amount").stripTrailingZeros(),
                        rs.getString("source"), rs.getBoolean("verified"), rs.getString("changed_by")))
                .list();
    }

    Optional<RuleFigure> inForce(String name, LocalDate day) {
        return all().stream().filter(f -> f.name().equals(name) && f.holds(day)).findFirst();
    }

    /** The years for which the assegno sociale is known, latest first. */
    List<Integer> allowanceYears(LocalDate today) {
        return all().stream().filter(f -> f.name().equals(SOCIAL_ALLOWANCE))
                .flatMap(f -> java.util.stream.IntStream.rangeClosed(f.validFrom().getYear(),
                        f.validTo() == null ? Math.max(f.validFrom().getYear(), today.getYear()) : f.validTo().getYear())
                        .boxed())
                .distinct().sorted(java.util.Comparator.reverseOrder()).toList();
    }

    /** The housing thresholds in force on a day, each with its figure (for its source), or empty if one is missing. */
    Optional<List<RuleFigure>> housing(LocalDate day) {
        List<RuleFigure> figures = HOUSING.stream().map(name -> inForce(name, day)).flatMap(Optional::stream).toList();
        return figures.size() == HOUSING.size() ? Optional.of(figures) : Optional.empty();
    }

    static HousingSuitability.Rules rules(List<RuleFigure> housing) {
        BigDecimal[] f = housing.stream().map(RuleFigure::amount).toArray(BigDecimal[]::new);
        return new HousingSuitability.Rules(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]);
    }

    /** A new figure, or a correction of the one of the same name that starts on the same day. */
    @Transactional
    void save(RuleFigure figure, String actor) {
        jdbc.sql("""
                INSERT INTO practices_rule_figure (name, valid_from, valid_to, amount, source, verified, changed_by)
                VALUES (:name, :from, :to, :amount, :source, :verified, :actor)
                ON CONFLICT (name, valid_from) DO UPDATE SET valid_to = EXCLUDED.valid_to, amount = EXCLUDED.amount,
                    source = EXCLUDED.source, verified = EXCLUDED.verified, changed_by = EXCLUDED.changed_by, updated_at = now()
                """).param("name", figure.name()).param("from", figure.validFrom()).param("to", figure.validTo())
                .param("amount", figure.amount()).param("source", figure.source()).param("verified", figure.verified())
                .param("actor", actor).update();
        events.publishEvent(new Audited(actor, "practices.rule-figure.save", "practices_rule_figure",
                figure.name() + "@" + figure.validFrom(), figure.amount().toPlainString()));
        // the calculators' pages show the figures and their sources
        publicContent.changed();
    }
}
