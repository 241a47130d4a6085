import { emptyPluginServer } from '../../../../types/shared/plugin-skeleton';

// Skeleton: the campaigns domain is filled by its own issue (see README, "Status").
export default emptyPluginServer();
