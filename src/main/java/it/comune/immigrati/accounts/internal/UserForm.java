package it.comune.immigrati.accounts.internal;

import java.util.ArrayList;
import java.util.List;

/** The administrator's form for inviting or changing a staff account. */
public class UserForm {

    /** The field each error is about, for the messages beside the fields (the roles' is their first box). */
    public static final java.util.Map<String, String> ERROR_FIELDS = java.util.Map.of(
            "users.error.username", "username", "users.error.name", "displayName", "users.error.email", "email",
            "users.error.roles", "role-" + it.comune.immigrati.accounts.StaffRole.values()[0].name(),
            "users.error.self", "enabled");

    /** The same for the invitation's password form. */
    public static final java.util.Map<String, String> PASSWORD_ERROR_FIELDS = java.util.Map.of(
            "invite.error.short", "password", "invite.error.long", "password", "invite.error.username", "password",
            "invite.error.weak", "password", "invite.error.mismatch", "confirm");


    private String username = "";
    private String displayName = "";
    private String email = "";
    private List<String> roles = new ArrayList<>();
    private List<String> languages = new ArrayList<>(List.of("it"));
    private boolean enabled = true;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName == null ? "" : displayName.trim();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email == null ? "" : email.trim();
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles == null ? new ArrayList<>() : roles;
    }

    public List<String> getLanguages() {
        return languages;
    }

    public void setLanguages(List<String> languages) {
        this.languages = languages == null ? new ArrayList<>() : languages;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
