/** flogout.html: /logout for a guest who is not logged in. */
import texts from 'virtual:hotspot/i18n/flogout';
import { startNotLoggedIn } from './shared/not-logged-in.ts';

startNotLoggedIn(texts);
