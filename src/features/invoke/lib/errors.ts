// Failed invocations in words: which token the cluster refused and the likely reason, a timeout, a
// cancelled call, an unreachable cluster. The server's own message is always quoted.
import type { CallAuth } from './history';

const TOKEN_NAME: Record<CallAuth, (service: string) => string> = {
  service: (s) => `the service token of '${s}'`,
  pasted: (s) => `the pasted token for '${s}'`,
  oidc: (s) => `your OIDC token for '${s}'`,
};

const WHY: Record<CallAuth, Record<401 | 403, string>> = {
  service: {
    401: 'The token is not this service’s current token: it changes when the service is created again. Load it again from the service, or use your OIDC token.',
    403: 'The token is valid but does not allow this call.',
  },
  pasted: {
    401: 'It is neither this service’s token nor a valid OIDC access token, or it has expired.',
    403: 'The token is valid, but its owner may not invoke this service.',
  },
  oidc: {
    401: 'Your sign-in may have expired, or the cluster does not trust your identity provider.',
    403: 'You are signed in, but you neither own this service nor appear in its allowed users. Use the service’s token, or ask its owner to add you.',
  },
};

export interface Explained {
  message: string;
  why?: string;
}

export function explainAuthFailure(
  auth: CallAuth,
  service: string,
  status: 401 | 403,
  serverMessage: string,
): Explained {
  const words = serverMessage.trim() || (status === 401 ? 'Unauthorized' : 'Forbidden');
  return {
    message: `The cluster refused ${TOKEN_NAME[auth](service)} (${status}): ${words}`,
    why: WHY[auth][status],
  };
}

export function explainFailure(options: {
  auth: CallAuth;
  service: string;
  status: number;
  serverMessage: string;
}): Explained {
  const { auth, service, status, serverMessage } = options;
  if (status === 401 || status === 403) return explainAuthFailure(auth, service, status, serverMessage);
  if (status === 0) return { message: serverMessage };
  if (status === 404)
    return {
      message: `The cluster has no service '${service}' (404): ${serverMessage}`,
      why: 'It may have been deleted or renamed.',
    };
  if (status === 502 || status === 503 || status === 504) {
    return {
      message: `The cluster answered ${status}: ${serverMessage}`,
      why: 'The service did not answer in time or is not running. A first call can be slow while the image is pulled; try again in a moment.',
    };
  }
  return {
    message: `The service answered ${status}: ${firstLine(serverMessage)}`,
    why: status >= 500 ? 'The script failed; its output is below.' : undefined,
  };
}

function firstLine(s: string): string {
  const line = s.trim().split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line || 'no message';
}

export function secondsText(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

export function timeoutMessage(ms: number): string {
  return `No answer after ${secondsText(ms)}: Lagoon stopped waiting. The service may still be running on the cluster.`;
}

export function cancelledMessage(ms: number): string {
  return `Cancelled after ${secondsText(ms)}.`;
}
