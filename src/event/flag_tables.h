// Names of signals, flag bits and enumerated values that parameters carry
// (scap-format.md §10): PPM values, in the order sysdig 0.29.3 lists them —
// the order matters, because flag rendering walks the table front to back.
#pragma once

#include "event/event_table.h"

namespace tracetop::event {

extern const FlagName kAccessFlags[4];
extern const FlagName kAnonInodeFdTypes[14];
extern const FlagName kBpfCommands[37];
extern const FlagName kChmodMode[12];
extern const FlagName kCloneFlags[26];
extern const FlagName kCloneFlagsHead[27];
extern const FlagName kCloseRangeFlags[2];
extern const FlagName kCreatFlags[2];
extern const FlagName kDeleteModuleFlags[2];
extern const FlagName kEpollCreate1Flags[1];
extern const FlagName kExecveFlags[1];
extern const FlagName kExecveFlagsHead[4];
extern const FlagName kExecveatFlags[2];
extern const FlagName kFchownatFlags[2];
extern const FlagName kFcntlCommands[28];
extern const FlagName kFileFlags[16];
extern const FlagName kFileFlagsHead[19];
extern const FlagName kFinitModuleFlags[3];
extern const FlagName kFlockFlags[5];
extern const FlagName kFsconfigCmds[8];
extern const FlagName kFutexOperations[15];
extern const FlagName kIoUringEnterFlags[4];
extern const FlagName kIoUringRegisterOpcodes[22];
extern const FlagName kIoUringSetupFeats[11];
extern const FlagName kIoUringSetupFlags[8];
extern const FlagName kKeyctlOperations[33];
extern const FlagName kLinkatFlags[2];
extern const FlagName kLseekWhence[3];
extern const FlagName kMemfdCreateFlags[3];
extern const FlagName kMknodMode[17];
extern const FlagName kMlock2Flags[1];
extern const FlagName kMlockallFlags[3];
extern const FlagName kMmapFlags[15];
extern const FlagName kMountFlags[28];
extern const FlagName kNewfstatatFlags[3];
extern const FlagName kOpenat2Flags[6];
extern const FlagName kPfFlags[8];
extern const FlagName kPidfdOpenFlags[1];
extern const FlagName kPrctlOptions[23];
extern const FlagName kProtFlags[8];
extern const FlagName kPtraceRequests[39];
extern const FlagName kQuotactlCmds[15];
extern const FlagName kQuotactlDqiFlags[2];
extern const FlagName kQuotactlQuotaFmts[4];
extern const FlagName kQuotactlTypes[2];
extern const FlagName kRenameat2Flags[3];
extern const FlagName kRlimitResources[17];
extern const FlagName kSemctlCommands[13];
extern const FlagName kSemgetFlags[2];
extern const FlagName kSemopFlags[2];
extern const FlagName kShutdownHow[3];
extern const FlagName kShutdownHowHead[4];
extern const FlagName kSocketFamilies[40];
extern const FlagName kSockoptLevels[3];
extern const FlagName kSockoptOptions[54];
extern const FlagName kSpliceFlags[4];
extern const FlagName kUmountFlags[4];
extern const FlagName kUnlinkatFlags[1];

// The name of a signal number as sysdig prints it ("SIGUSR1"), "" if none.
std::string_view signal_name(uint8_t sig);

}  // namespace tracetop::event
