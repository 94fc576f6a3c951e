package it.comune.immigrati.questions;

/** A resident asked a new question (published after it is stored, inside the same transaction). */
public record QuestionSubmitted(String code, String topic, String language, String channel) {
}
