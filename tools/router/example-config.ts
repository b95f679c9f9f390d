/**
 * The router `npm run router` simulates when given no users or config: the example brand's settings
 * (member login, vouchers, trial, cookie) and demo guests. These are simulator demo accounts, not
 * secrets; real routers get their users from RouterOS or RADIUS, never from this file.
 */
import type { RouterConfigInput } from '../routeros/config.ts';

export const EXAMPLE_ROUTER: RouterConfigInput = {
  identity: 'Harbour-Cafe',
  'ip/hotspot/profile': [
    {
      name: 'hsprof1',
      'dns-name': 'wifi.harbour-cafe.example',
      'login-by': 'http-chap,cookie,trial',
      'http-cookie-lifetime': '1d',
      'trial-uptime-limit': '30m',
      'trial-uptime-reset': '1d',
    },
  ],
  'ip/hotspot/user/profile': [
    { name: 'default', 'shared-users': 1, 'status-autorefresh': '1m', 'open-status-page': 'always' },
    { name: 'voucher', 'shared-users': 1, 'status-autorefresh': '1m' },
  ],
  'ip/hotspot/user': [
    { name: 'alice', password: 'wonderland', profile: 'default', 'limit-uptime': '2h', 'limit-bytes-total': 524_288_000 },
    { name: 'bob', password: 'builder', profile: 'default' },
    { name: 'HC7K3QPX', password: 'HC7K3QPX', profile: 'voucher', 'limit-uptime': '1h', comment: 'voucher' },
    { name: 'HC9M2TWB', password: 'HC9M2TWB', profile: 'voucher', 'limit-bytes-total': 104_857_600, comment: 'voucher' },
  ],
};
