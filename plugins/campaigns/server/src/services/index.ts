import assistant from './assistant';
import brand from './brand';
import campaign from './campaign';
import campaignGuard from './campaign-guard';
import campaignLifecycle from './campaign-lifecycle';
import rateLimiter from './rate-limiter';
import reconciler from './reconciler';
import sendAudience from './send-audience';
import sendContent from './send-content';
import sendJobs from './send-jobs';
import sendPipeline from './send-pipeline';
import sendTimeline from './send-timeline';
import template from './template';
import templatePreview from './template-preview';
import templateRules from './template-rules';
import templateStarters from './template-starters';
import templateVersions from './template-versions';

export default {
  assistant,
  brand,
  campaign,
  'campaign-guard': campaignGuard,
  'campaign-lifecycle': campaignLifecycle,
  'rate-limiter': rateLimiter,
  reconciler,
  'send-audience': sendAudience,
  'send-content': sendContent,
  'send-jobs': sendJobs,
  'send-pipeline': sendPipeline,
  'send-timeline': sendTimeline,
  template,
  'template-preview': templatePreview,
  'template-rules': templateRules,
  'template-starters': templateStarters,
  'template-versions': templateVersions,
};
