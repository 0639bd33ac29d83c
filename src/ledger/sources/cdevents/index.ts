export {
  type CloudEventAttributes,
  type CloudEventsRequest,
  type InboundCdevent,
  type ParsedEvent,
  parseCloudEventsRequest,
} from './cloudevents.js';
export { type Cdevent, mapCdevent, outcomeStatus, purlVersion, repositoryUrl } from './map.js';
export { type CdeventVerdict, type Issue, typeParts, validateCdevent } from './validate.js';
