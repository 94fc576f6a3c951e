/**
 * Site-wide search: the {@code search_document} table in PostgreSQL is the truth, each node queries its own
 * Lucene index that follows it; modules publish their public documents through
 * {@link it.comune.immigrati.search.SearchIndex}; pages query them through
 * {@link it.comune.immigrati.search.Search}.
 */
package it.comune.immigrati.search;
