package it.comune.immigrati.questions.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import it.comune.immigrati.accounts.StaffDirectory;
import it.comune.immigrati.accounts.StaffRole;
import it.comune.immigrati.questions.internal.QuestionRecords.Question;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The need-to-know rule under both settings of aci.questions.mediators-see, bound as the application
 * binds it; NeedToKnowTest walks the default one through the inbox and the question pages.
 */
class NeedToKnowScopeTest {

    private static final Map<String, StaffDirectory.StaffMember> MEMBERS = Map.of(
            "mediatrice", new StaffDirectory.StaffMember("mediatrice", "Amina", "a@comune.it", Set.of(StaffRole.MEDIATOR), List.of("ar")),
            "operatore", new StaffDirectory.StaffMember("operatore", "Luca", "l@comune.it", Set.of(StaffRole.OPERATOR, StaffRole.MEDIATOR), List.of()),
            "responsabile", new StaffDirectory.StaffMember("responsabile", "Sara", "s@comune.it", Set.of(StaffRole.SUPERVISOR), List.of()));

    private static final StaffDirectory DIRECTORY = new StaffDirectory() {
        @Override
        public List<StaffMember> activeMembers() {
            return List.copyOf(MEMBERS.values());
        }

        @Override
        public Optional<StaffMember> member(String username) {
            return Optional.ofNullable(MEMBERS.get(username));
        }
    };

    private static NeedToKnow rule(String mediatorsSee) {
        Map<String, String> properties = mediatorsSee == null ? Map.of() : Map.of("aci.questions.mediators-see", mediatorsSee);
        QuestionsProperties settings = new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("aci.questions", QuestionsProperties.class);
        return new NeedToKnow(DIRECTORY, settings);
    }

    private static Question question(String language, String assignedTo, boolean protection) {
        return new Question(1, "Q-2026-000001", "t", "r@example.org", null, language, "lavoro", Channel.WEB,
                QuestionRecords.Status.NEW, assignedTo, protection, false, Instant.now(), Instant.now(), null, null, null, Instant.now());
    }

    @Test
    void byDefaultAMediatorSeesTheirLanguagesAndWhatIsAssignedToThem() {
        NeedToKnow.Scope scope = rule(null).of("mediatrice");
        assertThat(scope.languages()).containsExactly("ar");
        assertThat(scope.sees(question("ar", null, false))).isTrue();
        assertThat(scope.sees(question("it", null, false))).isFalse();
        assertThat(scope.sees(question("it", "mediatrice", false))).isTrue();
    }

    @Test
    void withAllAMediatorSeesEveryLanguageButStillNotOthersProtectionCases() {
        NeedToKnow.Scope scope = rule("all").of("mediatrice");
        assertThat(scope.languages()).isNull();
        assertThat(scope.sees(question("it", null, false))).isTrue();
        assertThat(scope.sees(question("uk", "operatore", false))).isTrue();
        assertThat(scope.sees(question("it", null, true))).isFalse();
        assertThat(scope.sees(question("it", "operatore", true))).isFalse();
        assertThat(scope.sees(question("it", "mediatrice", true))).isTrue();
    }

    @Test
    void operatorsSeeEveryLanguageAndOnlySupervisorsEveryProtectionCase() {
        for (String setting : new String[] { "assigned-and-languages", "all" }) {
            assertThat(rule(setting).of("operatore").languages()).isNull();
            assertThat(rule(setting).of("operatore").sees(question("it", null, true))).isFalse();
            assertThat(rule(setting).of("responsabile").sees(question("it", "operatore", true))).isTrue();
        }
    }

    @Test
    void someoneTheDirectoryNoLongerKnowsSeesNothing() {
        NeedToKnow.Scope scope = rule("all").of("disabilitato");
        assertThat(scope.sees(question("it", null, false))).isFalse();
    }
}
