import { Route, Routes } from 'react-router-dom';
import { CampaignEditor } from './CampaignEditor';
import { CampaignList } from './CampaignList';

const CampaignsApp = () => (
  <Routes>
    <Route index element={<CampaignList />} />
    <Route path=":documentId" element={<CampaignEditor />} />
  </Routes>
);

export default CampaignsApp;
