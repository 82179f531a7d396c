/**
 * The whole text catalogue. Importing this module makes every key known to `translate` (see
 * translate.ts); the popup loads it lazily (`loadCatalogue` in index.ts), everything else statically.
 */
import { nl } from './nl';
import { en } from './en';
import { addCatalogue } from './translate';

addCatalogue({ nl, en });
