/** fstatus.html: /status for a guest who is not logged in. */
import texts from 'virtual:hotspot/i18n/fstatus';
import { startNotLoggedIn } from './shared/not-logged-in.ts';

startNotLoggedIn(texts);
