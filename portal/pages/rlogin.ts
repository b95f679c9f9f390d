/** rlogin.html: fallback for the router's 302. */
import { followRedirect } from './shared/redirect.ts';

followRedirect();
