/**
 * Site-wide search on PostgreSQL full-text search: modules publish their public documents through
 * {@link it.comune.immigrati.search.SearchIndex}; pages query them through
 * {@link it.comune.immigrati.search.Search}.
 */
package it.comune.immigrati.search;
