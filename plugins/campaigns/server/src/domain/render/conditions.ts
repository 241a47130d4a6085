import type { Condition } from '../blocks';

const literal = (value: string | number | boolean | undefined) =>
  typeof value === 'string' || value === undefined ? `"${value ?? ''}"` : String(value);

const OPERATORS = { eq: '==', ne: '!=', gt: '>', lt: '<', contains: 'contains' } as const;

// A block's "show only if" as the expression of a Liquid {% if %}, over the send-time context
// (see liquid-context.ts). Values are validated to be safe inside a double-quoted literal.
export const conditionExpression = (condition: Condition): string => {
  switch (condition.type) {
    case 'has_tag':
      return `subscriber.tags contains "${condition.tag}"`;
    case 'in_segment':
      return `segments contains "${condition.segment}"`;
    case 'field': {
      const variable = `subscriber.${condition.field}`;
      if (condition.operator === 'present') return `${variable} != blank`;
      if (condition.operator === 'blank') return `${variable} == blank`;
      return `${variable} ${OPERATORS[condition.operator]} ${literal(condition.value)}`;
    }
  }
};
