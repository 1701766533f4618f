// The botbuilder CloudAdapter the Teams surface runs on, as shipped: per turn it makes the connector client
// (credentials, serializer, the SDK's default retry policy: exponential backoff for 408/5xx and dropped
// connections, Retry-After honoured on 429/503). The one addition is time limits, through the public
// options every connector operation takes: `timeout` for each attempt and an `abortSignal` for the whole
// call, retries included, so that a hanging or throttling connector cannot hold Teams' request.
// https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference
import { CloudAdapter, type Activity, type ConfigurationBotFrameworkAuthentication, type InvokeResponse, type ResourceResponse, type TurnContext } from 'botbuilder';

type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;

/** How long connector calls may take. */
export interface ConnectorTimeouts {
  /** One HTTP attempt. */
  attemptMs: number;
  /** The whole call, with the SDK's retries and their waits; Teams waits 15 s for the answer to its POST. */
  callMs: number;
}

export const DEFAULT_CONNECTOR_TIMEOUTS: ConnectorTimeouts = { attemptMs: 5_000, callMs: 10_000 };

/** CloudAdapter whose connector calls for messages and card updates carry time limits. */
export class TeamsCloudAdapter extends CloudAdapter {
  constructor(
    auth: ConfigurationBotFrameworkAuthentication,
    private readonly timeouts: ConnectorTimeouts,
  ) {
    super(auth);
  }

  /** Runs one incoming activity (the SDK checks the token first); the HTTP route calls this. */
  run(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }

  /** Runs one connector call with the time limits; the call's timer ends with it. */
  private async limited<T>(call: (options: { timeout: number; abortSignal: AbortSignal }) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException('The connector call took too long', 'TimeoutError')), this.timeouts.callMs);
    try {
      return await call({ timeout: this.timeouts.attemptMs, abortSignal: controller.signal });
    } finally {
      clearTimeout(timer);
    }
  }

  private client(context: TurnContext): ConnectorClient | undefined {
    return context.turnState.get<ConnectorClient | undefined>(this.ConnectorClientKey);
  }

  /** Messages go through the connector client as the SDK sends them, with the time limits; other activities take the SDK's path. */
  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const client = this.client(context);
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      const conversationId = activity.conversation?.id;
      if (activity.type !== 'message' || !client || conversationId === undefined) {
        responses.push(...(await super.sendActivities(context, [activity])));
        continue;
      }
      delete activity.id;
      const replyToId = activity.replyToId;
      const sent = await this.limited((options) =>
        replyToId
          ? client.conversations.replyToActivity(conversationId, replyToId, activity, options)
          : client.conversations.sendToConversation(conversationId, activity, options),
      );
      responses.push({ id: sent.id ?? '' });
    }
    return responses;
  }

  override async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse | void> {
    const client = this.client(context);
    const conversationId = activity.conversation?.id;
    if (!client || conversationId === undefined || !activity.id) return super.updateActivity(context, activity);
    const id = activity.id;
    const updated = await this.limited((options) => client.conversations.updateActivity(conversationId, id, activity, options));
    return { id: updated.id ?? '' };
  }
}
