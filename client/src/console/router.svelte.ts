// The console's current route, following the address bar's hash.
import { parseRoute, type Route } from './route.js';

class Router {
  route = $state.raw<Route>(parseRoute(location.hash));

  constructor() {
    addEventListener('hashchange', () => (this.route = parseRoute(location.hash)));
  }

  go(path: string) {
    location.hash = path;
  }
}

export const router = new Router();
