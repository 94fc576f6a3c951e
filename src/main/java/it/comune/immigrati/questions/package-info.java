/**
 * The online question desk (sportello quesiti on line): residents ask by web form or e-mail, staff and
 * cultural mediators answer, answers go out by e-mail and show on the resident's private page.
 */
package it.comune.immigrati.questions;
