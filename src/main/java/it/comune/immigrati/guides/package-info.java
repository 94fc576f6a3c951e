/**
 * Information and orientation: guides (schede informative) on rights and local services, written in
 * Italian and translated, kept correct by the office's editors through a draft, review and publish
 * workflow with every version kept. Published guides join the site search.
 */
package it.comune.immigrati.guides;
